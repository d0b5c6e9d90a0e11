import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * Readable text for the public pages: links in the portal's blue (antd derives them from its own
 * default blue, 4.1:1 on white), status colours, placeholders and hints dark enough for WCAG AA (4.5:1).
 * Scoped to the components inside; the rest of the portal's theme is inherited.
 */
export default function PublicTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      theme={{
        token: {
          colorLink: '#1659c7',
          colorInfo: '#1659c7',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          // Status tags print their text in these colours on a pale ground.
          colorSuccess: '#237804',
          colorWarning: '#ad4e00',
          colorError: '#c41d1d',
          colorSuccessBg: '#f6ffed',
          colorSuccessBorder: '#b7eb8f',
          colorWarningBg: '#fff7e6',
          colorWarningBorder: '#ffd591',
          colorErrorBg: '#fff1f0',
          colorErrorBorder: '#ffccc7',
        },
      }}
    >
      {children}
    </ConfigProvider>
  );
}
