import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../components/api-errors';
import type { SheetFormat } from './IoApi';

interface Props {
  /** Fetches and saves the sheet in the format. */
  download: (format: SheetFormat) => Promise<void>;
  /** The button's text for a format (its name is passed in capitals: XLSX, CSV). */
  label: (format: string) => string;
  /** Prefix of the data-testids: `<prefix>-xlsx`, `<prefix>-csv`. */
  testId: string;
  /** Makes the XLSX button the primary one. */
  primary?: boolean;
  /** Said once the download has started. */
  startedText?: string;
}

const FORMATS: SheetFormat[] = ['xlsx', 'csv'];

/** An XLSX and a CSV button that download a sheet, each spinning while its file comes, the API's refusal said in a message. */
export default function SheetDownloadButtons({ download, label, testId, primary, startedText }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<SheetFormat | null>(null);

  const run = async (format: SheetFormat) => {
    setBusy(format);
    try {
      await download(format);
      if (startedText) message.success(startedText);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space>
      {FORMATS.map((format) => (
        <Button
          key={format}
          type={primary && format === 'xlsx' ? 'primary' : undefined}
          loading={busy === format}
          onClick={() => void run(format)}
          data-testid={`${testId}-${format}`}
        >
          {label(format.toUpperCase())}
        </Button>
      ))}
    </Space>
  );
}
