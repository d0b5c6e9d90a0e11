import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { saveBlob } from '../../components/download';

export type Contract = components['schemas']['ContractViewDto'];

export const CONTRACT_STATUS_COLOR: Record<Contract['status'], string> = {
  unregistered: 'default',
  submitted: 'processing',
  certified: 'success',
  returned: 'warning',
};

/** Saves the signed contract PDF (fetched with the bearer token, so no plain link). */
export async function downloadContract(adoptionId: string, filename: string): Promise<void> {
  const r = await api.GET('/api/adoptions/{id}/contract/file', { params: { path: { id: adoptionId } }, parseAs: 'blob' });
  saveBlob(unwrap(r) as Blob, filename);
}
