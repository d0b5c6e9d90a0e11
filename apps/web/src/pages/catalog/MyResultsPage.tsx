import ItemListPage from './ItemListPage';
import OwnListIo from './OwnListIo';

/** 我的成果: the organization's own research results, by state, with 导入 / 导出. */
export default function MyResultsPage() {
  return (
    <>
      <OwnListIo kind="result" />
      <ItemListPage kind="result" />
    </>
  );
}
