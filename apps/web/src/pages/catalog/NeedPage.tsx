import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { TRL_TEXT } from '../../components/labels';
import PublicItemPage from './PublicItemPage';
import { budgetText, deadlineText, endOfChinaDay } from './PublicFormat';

/** The public view of a technology need (技术需求). */
export default function NeedPage() {
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: ['needs', id],
    queryFn: async () => unwrap(await api.GET('/api/needs/{id}', { params: { path: { id } } })),
  });
  return (
    <PublicItemPage
      kind="need"
      query={query}
      overviewTitle="需求概况"
      textTitle="需求描述"
      text={(need) => need.description}
      details={(need) => ({
        afterRegion: [
          { key: 'trl', label: '期望技术成熟度', children: TRL_TEXT(need.trl) },
          { key: 'budget', label: '预算', children: budgetText(need.budgetMinYuan, need.budgetMaxYuan) },
        ],
        afterModes: [
          {
            key: 'deadline',
            label: '截止日期',
            children: need.deadline ? `${need.deadline}（${deadlineText(endOfChinaDay(need.deadline))}）` : '长期有效',
          },
        ],
      })}
    />
  );
}
