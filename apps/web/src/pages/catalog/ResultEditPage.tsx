import { useParams } from 'react-router-dom';
import ItemEditor from './ItemEditor';

/** /my/results/new and /results/:id/edit: the result's form, autosaved as a draft, with its quality check. */
export default function ResultEditPage() {
  const { id } = useParams();
  return <ItemEditor key={id ?? 'new'} kind="result" routeId={id} />;
}
