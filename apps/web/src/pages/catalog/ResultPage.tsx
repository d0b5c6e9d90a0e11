import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { TRL_TEXT } from '../../components/labels';
import PublicItemPage from './PublicItemPage';
import { priceText } from './PublicFormat';

/** The public view of a research result (科技成果). */
export default function ResultPage() {
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: ['results', id],
    queryFn: async () => unwrap(await api.GET('/api/results/{id}', { params: { path: { id } } })),
  });
  return (
    <PublicItemPage
      kind="result"
      query={query}
      overviewTitle="成果概况"
      textTitle="成果简介"
      text={(result) => result.summary}
      details={(result) => ({
        afterRegion: [
          { key: 'trl', label: '技术成熟度', children: TRL_TEXT(result.trl) },
          { key: 'price', label: '转让价格', children: priceText(result.askingPriceYuan, result.priceNegotiable) },
          { key: 'lead', label: '团队负责人', children: result.teamLead ?? '未填写' },
        ],
        afterKeywords: [
          {
            key: 'patents',
            label: '相关专利',
            span: 'filled',
            children: result.patents.length ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {result.patents.map((p) => (
                  <li key={p.number}>
                    {p.number}（{p.kindLabel}）
                  </li>
                ))}
              </ul>
            ) : (
              '无'
            ),
          },
        ],
      })}
    />
  );
}
