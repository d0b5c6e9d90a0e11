// Being written: replaced by the owner's panel (state, quality, submit, close, history).
export default function ItemOwnerPanel(_props: { kind: 'need' | 'result'; id: string }) {
  return null;
}
