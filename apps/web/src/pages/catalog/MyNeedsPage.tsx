import ItemListPage from './ItemListPage';

/** 我的需求: the organization's own technology needs, by state. */
export default function MyNeedsPage() {
  return <ItemListPage kind="need" />;
}
