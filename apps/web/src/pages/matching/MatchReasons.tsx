import { CheckCircleOutlined, CloseCircleOutlined, InfoCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { components } from '../../api/schema';

type Line = components['schemas']['ExplanationLineDto'];

const ICON: Record<Line['fit'], ReactNode> = {
  good: <CheckCircleOutlined style={{ color: '#237804' }} aria-label="符合" />,
  partial: <MinusCircleOutlined style={{ color: '#874d00' }} aria-label="部分符合" />,
  poor: <CloseCircleOutlined style={{ color: '#a8071a' }} aria-label="不符合" />,
  info: <InfoCircleOutlined style={{ color: '#595959' }} aria-label="说明" />,
};

/**
 * Why the two items match, as the API words it: the words they share, then field, maturity,
 * price, cooperation modes and places, one sentence each with an icon for how well it fits.
 */
export default function MatchReasons({ explanation, textScore }: { explanation: Line[]; textScore: number }) {
  const shared = explanation.some((l) => l.topic === 'keywords' || l.topic === 'terms' || l.topic === 'synonym');
  const lines: Line[] = shared ? explanation : [{ topic: 'terms', fit: 'info', text: '无明显的共同关键词' }, ...explanation];
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Typography.Text strong>匹配理由（文本相关度 {textScore} 分）</Typography.Text>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="match-reasons">
        {lines.map((l) => (
          <li key={`${l.topic}:${l.text}`} style={{ padding: '2px 0' }}>
            {ICON[l.fit]} {l.text}
          </li>
        ))}
      </ul>
    </Space>
  );
}
