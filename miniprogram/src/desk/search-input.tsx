import type { FormBinding, TextKey } from '../components/form-field';

/**
 * A desk toolbar's filter box (H5 only, a real <input type="search">) bound to one text value
 * of the filter draft, as FormField binds the mini-program's inputs; `label` names it for
 * screen readers where the placeholder says more.
 */
export function DeskSearchInput<D>({
  form,
  name,
  label,
  placeholder,
  numeric,
  size,
  className,
}: {
  form: FormBinding<D>;
  name: TextKey<D>;
  label?: string;
  placeholder: string;
  numeric?: boolean;
  size?: number;
  className: string;
}) {
  return (
    <input
      type="search"
      inputMode={numeric ? 'numeric' : undefined}
      className={className}
      placeholder={placeholder}
      aria-label={label}
      size={size}
      value={form.draft[name] as string}
      onChange={(e) => form.set(name, e.target.value as D[typeof name])}
    />
  );
}
