import ItemListPage from './ItemListPage';
import OwnListIo from './OwnListIo';

/** 我的需求: the organization's own technology needs, by state, with 导入 / 导出. */
export default function MyNeedsPage() {
  return (
    <>
      <OwnListIo kind="need" />
      <ItemListPage kind="need" />
    </>
  );
}
