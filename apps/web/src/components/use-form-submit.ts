import type { FormInstance } from 'antd';
import { useState } from 'react';
import { applyApiErrors } from './api-errors';

/**
 * Sends a form: busy while the call runs; the API's refusal is shown beside the fields it names
 * and the rest returned as `error` (cleared when the form is sent again).
 */
export function useFormSubmit<V, A extends unknown[]>(form: FormInstance<V>, send: (...args: A) => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (...args: A) => {
    setBusy(true);
    setError(null);
    try {
      await send(...args);
    } catch (err) {
      setError(applyApiErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}
