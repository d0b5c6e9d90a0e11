import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * antd's default help, description, placeholder, link and status text colours are lighter than
 * WCAG AA allows on white (3–4:1); these pages use darker ones so every line stays readable.
 */
const CONTRAST = {
  colorLink: '#1659c7',
  colorInfo: '#1659c7',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextDisabled: 'rgba(0, 0, 0, 0.56)',
  colorError: '#cf1322',
  colorErrorText: '#a8071a',
  colorSuccessText: '#237804',
  colorWarningText: '#874d00',
};

export default function ItemTheme({ children }: { children: ReactNode }) {
  return (
    // Two-character buttons keep their plain name (“编辑”, not “编 辑”) for people and tests alike.
    <ConfigProvider theme={{ token: CONTRAST }} button={{ autoInsertSpace: false }}>
      {children}
    </ConfigProvider>
  );
}
