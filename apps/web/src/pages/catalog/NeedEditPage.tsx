import { useParams } from 'react-router-dom';
import ItemEditor from './ItemEditor';

/** /my/needs/new and /needs/:id/edit: the need's form, autosaved as a draft, with its quality check. */
export default function NeedEditPage() {
  const { id } = useParams();
  return <ItemEditor key={id ?? 'new'} kind="need" routeId={id} />;
}
