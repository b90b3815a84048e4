import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link } from '../router/router.tsx';
import { Spinner } from './Spinner.tsx';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost';

const classes = (variant: ButtonVariant, small?: boolean, extra?: string) =>
  ['btn', `btn-${variant}`, small ? 'btn-small' : '', extra ?? ''].filter(Boolean).join(' ');

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  small?: boolean;
  /** Shows a spinner and disables the button while an action runs. */
  busy?: boolean;
};

export function Button({ variant = 'secondary', small, busy, disabled, className, children, type = 'button', ...rest }: ButtonProps) {
  return (
    <button type={type} className={classes(variant, small, className)} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy && <Spinner />}
      {children}
    </button>
  );
}

/** A link that looks like a button, for navigation actions. */
export function ButtonLink({ to, variant = 'secondary', small, children }: { to: string; variant?: ButtonVariant; small?: boolean; children: ReactNode }) {
  return (
    <Link to={to} className={classes(variant, small)}>
      {children}
    </Link>
  );
}
