/**
 * Meilisearch filter expressions from validated values only. Strings are quoted and escaped
 * (backslash and double quote), numbers must be finite: no user text can end a string literal
 * or add an operator.
 */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function eq(attribute: string, value: string): string {
  return `${attribute} = ${quote(value)}`;
}

/** The value in any of the attributes: `(region = "荆门市" OR city = "荆门市")`. */
export function eqAny(attributes: readonly string[], value: string): string {
  return `(${attributes.map((a) => eq(a, value)).join(' OR ')})`;
}

export function anyOf(attribute: string, values: string[]): string {
  return `${attribute} IN [${values.map(quote).join(', ')}]`;
}

export function range(attribute: string, min?: number, max?: number): string[] {
  const out: string[] = [];
  for (const [op, v] of [
    ['>=', min],
    ['<=', max],
  ] as const) {
    if (v === undefined) continue;
    if (!Number.isFinite(v)) throw new Error(`not a finite number for ${attribute}`);
    out.push(`${attribute} ${op} ${v}`);
  }
  return out;
}
