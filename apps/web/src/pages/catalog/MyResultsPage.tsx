import ItemListPage from './ItemListPage';

/** 我的成果: the organization's own research results, by state. */
export default function MyResultsPage() {
  return <ItemListPage kind="result" />;
}
