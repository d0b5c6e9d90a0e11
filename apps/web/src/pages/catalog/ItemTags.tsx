import { Tag } from 'antd';
import { ITEM_STATUS } from '../../components/labels';

/** Text, background and border of each tag: antd's status presets are below 4.5:1 on their own backgrounds. */
const TONES = {
  grey: { color: 'rgba(0, 0, 0, 0.78)', background: '#fafafa', borderColor: '#d9d9d9' },
  blue: { color: '#0b46a8', background: '#e6f4ff', borderColor: '#91caff' },
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  green: { color: '#1d6303', background: '#f6ffed', borderColor: '#b7eb8f' },
  amber: { color: '#7a4500', background: '#fff7e6', borderColor: '#ffd591' },
} as const;
export type Tone = keyof typeof TONES;

const STATUS_TONE: Record<string, Tone> = { draft: 'grey', submitted: 'blue', rejected: 'red', published: 'green', closed: 'grey' };

export function ToneTag({ tone, children, ...rest }: { tone: Tone; children: React.ReactNode; 'data-testid'?: string }) {
  return (
    <Tag style={TONES[tone]} {...rest}>
      {children}
    </Tag>
  );
}

/** A need's or result's state, with the API's label when it gives one. */
export function StatusTag({ status, label, ...rest }: { status: string; label?: string | null; 'data-testid'?: string }) {
  return (
    <ToneTag tone={STATUS_TONE[status] ?? 'grey'} {...rest}>
      {label || ITEM_STATUS[status]?.label || status}
    </ToneTag>
  );
}
