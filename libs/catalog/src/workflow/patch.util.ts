/** The DTO's own values without the undefined ones (class fields exist on the instance even when not sent). */
export function definedValues<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<T>;
}
