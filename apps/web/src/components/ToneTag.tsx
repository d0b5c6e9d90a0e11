import { Tag } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * Tag tones dark enough for WCAG AA contrast on their light backgrounds (antd's preset tag colours
 * are lighter than 4.5:1 at 12px). The portal's one set: statuses, review states, progress.
 */
const TONES = {
  grey: { color: 'rgba(0, 0, 0, 0.8)', background: '#fafafa', borderColor: '#d9d9d9' },
  blue: { color: '#0a47a9', background: '#e6f4ff', borderColor: '#91caff' },
  green: { color: '#1d6303', background: '#f6ffed', borderColor: '#b7eb8f' },
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  amber: { color: '#7a4500', background: '#fff7e6', borderColor: '#ffd591' },
  gold: { color: '#7a4500', background: '#fffbe6', borderColor: '#ffe58f' },
  orange: { color: '#7a3200', background: '#fff7e6', borderColor: '#ffd591' },
  cyan: { color: '#00585f', background: '#e6fffb', borderColor: '#87e8de' },
} satisfies Record<string, CSSProperties>;
export type Tone = keyof typeof TONES;

export function ToneTag({
  tone,
  children,
  testId,
  'data-testid': dataTestId,
}: {
  tone: Tone;
  children: ReactNode;
  testId?: string;
  'data-testid'?: string;
}) {
  return (
    <Tag style={TONES[tone]} data-testid={testId ?? dataTestId}>
      {children}
    </Tag>
  );
}
