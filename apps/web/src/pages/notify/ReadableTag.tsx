import { Tag } from 'antd';
import type { ReactNode } from 'react';

/**
 * Status tags with a fixed light background and a dark text of the same hue (at least 5:1),
 * whatever background antd derives from the theme's status colours (a dark seed colour gives a
 * grey-green `colorSuccessBg` on which its own text falls below WCAG AA).
 */
const PAIRS: Record<string, { color: string; background: string }> = {
  success: { color: '#237804', background: '#f6ffed' },
  green: { color: '#237804', background: '#f6ffed' },
  processing: { color: '#0958d9', background: '#e6f4ff' },
  blue: { color: '#0958d9', background: '#e6f4ff' },
  cyan: { color: '#006d75', background: '#e6fffb' },
  error: { color: '#a8071a', background: '#fff2f0' },
  red: { color: '#a8071a', background: '#fff2f0' },
  warning: { color: '#874d00', background: '#fffbe6' },
  gold: { color: '#874d00', background: '#fffbe6' },
  purple: { color: '#531dab', background: '#f9f0ff' },
};

export function ReadableTag({ color, children, testId }: { color?: string; children: ReactNode; testId?: string }) {
  const pair = color ? PAIRS[color] : undefined;
  return (
    <Tag color={color} style={pair ? { ...pair, borderColor: 'transparent' } : undefined} data-testid={testId}>
      {children}
    </Tag>
  );
}
