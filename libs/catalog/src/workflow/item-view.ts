import { STATUS_LABELS } from '../catalog.constants';
import type { CatalogItem } from '../catalog-item.entity';
import type { QualityHint } from '../quality/quality.util';

export interface ContactView {
  name: string | null;
  phone: string | null;
  email: string | null;
}

export interface ItemBaseView {
  id: string;
  organizationId: string;
  organizationName: string | null;
  title: string;
  keywords: string[];
  field: string | null;
  trl: number | null;
  cooperationModes: string[];
  region: string;
  status: CatalogItem['status'];
  statusLabel: string;
  submittedAt: Date | null;
  publishedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Only for the owning organization and the bureau. */
  contact?: ContactView;
  rejectReason?: string | null;
  qualityScore?: number;
  qualityHints?: QualityHint[];
}

/** The shared part of an item's view; `full` adds what only the owner and the bureau see. */
export function itemBaseView(item: CatalogItem, organizationName: string | null, full: boolean): ItemBaseView {
  const view: ItemBaseView = {
    id: item.id,
    organizationId: item.organizationId,
    organizationName,
    title: item.title,
    keywords: item.keywords,
    field: item.field,
    trl: item.trl,
    cooperationModes: item.cooperationModes,
    region: item.region,
    status: item.status,
    statusLabel: STATUS_LABELS[item.status],
    submittedAt: item.submittedAt,
    publishedAt: item.publishedAt,
    closedAt: item.closedAt,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
  if (full) {
    view.contact = contactOf(item);
    view.rejectReason = item.rejectReason;
    view.qualityScore = item.qualityScore;
    view.qualityHints = item.qualityHints;
  }
  return view;
}

export function contactOf(item: CatalogItem): ContactView {
  return { name: item.contactName, phone: item.contactPhone, email: item.contactEmail };
}
