import { useParams } from 'react-router-dom';
import MatchListPage from './MatchListPage';

/** /needs/:id/matches: the results matched to one of the organization's needs. */
export default function NeedMatchesPage() {
  const { id = '' } = useParams();
  return <MatchListPage key={id} kind="need" id={id} />;
}
