export interface SpinnerProps {
  /** Visible and announced text, e.g. "Loading incidents…". */
  label: string;
}

export function Spinner({ label }: SpinnerProps) {
  return (
    <span role="status" className="spinner">
      <span className="spinner-wheel" aria-hidden="true" />
      {label}
    </span>
  );
}
