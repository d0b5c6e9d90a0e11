import { ITEM_STATUS } from '../../components/labels';
import { type Tone, ToneTag } from '../../components/ToneTag';

export { ToneTag, type Tone } from '../../components/ToneTag';

const STATUS_TONE: Record<string, Tone> = { draft: 'grey', submitted: 'blue', rejected: 'red', published: 'green', closed: 'grey' };

/** A need's or result's state, with the API's label when it gives one. */
export function StatusTag({ status, label, ...rest }: { status: string; label?: string | null; 'data-testid'?: string }) {
  return (
    <ToneTag tone={STATUS_TONE[status] ?? 'grey'} {...rest}>
      {label || ITEM_STATUS[status]?.label || status}
    </ToneTag>
  );
}
