import { useParams } from 'react-router-dom';
import MatchListPage from './MatchListPage';

/** /results/:id/matches: the needs matched to one of the organization's results. */
export default function ResultMatchesPage() {
  const { id = '' } = useParams();
  return <MatchListPage key={id} kind="result" id={id} />;
}
