import { Button, Progress, Space, Typography } from 'antd';
import type { QualityHint, QualityReport } from './ItemApi';
import { ToneTag } from './ItemTags';

const scoreColor = (score: number): string => (score >= 80 ? '#237804' : score >= 60 ? '#ad6800' : '#a8071a');

/** The score as a ring, with the number in the ring. */
export function QualityScore({
  report,
  size = 120,
  beforeSubmit = true,
}: {
  report: QualityReport;
  size?: number;
  beforeSubmit?: boolean;
}) {
  const blocked = report.hints.some((h) => h.severity === 'error');
  return (
    <Space align="center" size={16}>
      <div data-testid="quality-score" data-score={report.score}>
        <Progress
          type="circle"
          percent={report.score}
          size={size}
          strokeColor={scoreColor(report.score)}
          format={(p) => <span style={{ color: scoreColor(report.score) }}>{p}</span>}
          aria-label={`质量评分 ${report.score} 分（满分 100）`}
        />
      </div>
      <Typography.Text>
        质量评分 {report.score} / 100
        <br />
        {!beforeSubmit ? (
          report.hints.length ? (
            `有 ${report.hints.length} 条修改建议`
          ) : (
            '内容完整'
          )
        ) : blocked ? (
          <Typography.Text type="danger">有必须修改的问题，修改后才能提交审核</Typography.Text>
        ) : report.hints.length ? (
          '可以提交审核；按建议补充会更容易被匹配'
        ) : (
          '内容完整，可以提交审核'
        )}
      </Typography.Text>
    </Space>
  );
}

/** The hints, must-fix ones first; each can take the user to the field it is about. */
export function QualityHints({ hints, onLocate }: { hints: QualityHint[]; onLocate?: (field: string) => void }) {
  const sorted = [...hints].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  if (!sorted.length)
    return (
      <div data-testid="quality-hints">
        <Typography.Text type="success">没有修改建议。</Typography.Text>
      </div>
    );
  return (
    <ul data-testid="quality-hints" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {sorted.map((h) => (
        <li key={h.code} data-severity={h.severity} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <ToneTag tone={h.severity === 'error' ? 'red' : 'amber'}>{h.severity === 'error' ? '必须修改' : '建议修改'}</ToneTag>
          <Typography.Text>{h.message}</Typography.Text>
          {onLocate && (
            <Button type="link" size="small" onClick={() => onLocate(h.field)}>
              去修改
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
