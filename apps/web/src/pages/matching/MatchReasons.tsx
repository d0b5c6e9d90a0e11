import { CheckCircleOutlined, CloseCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Flex, Space, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { components } from '../../api/schema';
import { ToneTag } from '../catalog/ItemTags';

type Reasons = components['schemas']['MatchReasonsDto'];
type Factors = components['schemas']['MatchFactorsDto'];

interface Line {
  key: string;
  fit: 'yes' | 'no' | 'partly';
  text: string;
}

const REGION_TEXT: Record<Factors['region'], { fit: Line['fit']; text: string }> = {
  same: { fit: 'yes', text: '同一地市，便于现场对接' },
  neighbour: { fit: 'partly', text: '相邻地市' },
  other: { fit: 'no', text: '不在同一或相邻地市' },
};

/** The API's structured factors as sentences; a factor it could not judge (null) is left out. */
export function factorLines(f: Factors): Line[] {
  const lines: Line[] = [];
  if (f.sameField !== null)
    lines.push({ key: 'field', fit: f.sameField ? 'yes' : 'no', text: f.sameField ? '产业领域相同' : '产业领域不同' });
  if (f.trlMeetsNeed !== null)
    lines.push({
      key: 'trl',
      fit: f.trlMeetsNeed ? 'yes' : 'no',
      text: f.trlMeetsNeed ? '成果的技术成熟度达到需求的要求' : '成果的技术成熟度低于需求的要求',
    });
  if (f.priceWithinBudget !== null)
    lines.push({
      key: 'price',
      fit: f.priceWithinBudget === 'negotiable' ? 'partly' : f.priceWithinBudget ? 'yes' : 'no',
      text:
        f.priceWithinBudget === 'negotiable' ? '成果价格面议' : f.priceWithinBudget ? '转让价格在需求预算之内' : '转让价格超出需求预算上限',
    });
  if (f.commonModes.length) lines.push({ key: 'modes', fit: 'yes', text: `双方都接受的合作方式：${f.commonModes.join('、')}` });
  lines.push({ key: 'region', ...REGION_TEXT[f.region] });
  return lines;
}

const ICON: Record<Line['fit'], ReactNode> = {
  yes: <CheckCircleOutlined style={{ color: '#237804' }} aria-label="符合" />,
  partly: <MinusCircleOutlined style={{ color: '#874d00' }} aria-label="部分符合" />,
  no: <CloseCircleOutlined style={{ color: '#a8071a' }} aria-label="不符合" />,
};

/** Why the two items match: the words they share (tags), and the fit of field, maturity, price, modes and place. */
export default function MatchReasons({ reasons, textScore }: { reasons: Reasons; textScore: number }) {
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Flex wrap gap={6} align="center">
        <Typography.Text strong>共同的技术词（文本相关度 {textScore} 分）：</Typography.Text>
        {reasons.terms.length ? (
          reasons.terms.map((t) =>
            t.via ? (
              <Tooltip key={t.term} title={`同义词，对应本方的“${t.via}”`}>
                <ToneTag tone="blue">
                  {t.term}（≈{t.via}）
                </ToneTag>
              </Tooltip>
            ) : (
              <ToneTag tone="blue" key={t.term}>
                {t.term}
              </ToneTag>
            ),
          )
        ) : (
          <Typography.Text>无明显的共同关键词</Typography.Text>
        )}
      </Flex>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {factorLines(reasons.factors).map((l) => (
          <li key={l.key} style={{ padding: '2px 0' }}>
            {ICON[l.fit]} {l.text}
          </li>
        ))}
      </ul>
    </Space>
  );
}
