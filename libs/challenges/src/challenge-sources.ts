/**
 * What the open-call library needs from others, as ports: the catalog's published needs (to
 * create a challenge from one) and the organizations' kind, region and status (eligibility).
 * The module binds them to the exported services of @app/catalog and @app/identity.
 */
export interface PublishedNeedInfo {
  id: string;
  organizationId: string;
  title: string;
  description: string;
  field: string | null;
}

export interface NeedSource {
  findPublishedNeed(id: string): Promise<PublishedNeedInfo | null>;
}
export const NEED_SOURCE = Symbol('NEED_SOURCE');
