/** A small activity indicator; the text next to it says what is happening. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}

export function LoadingLine({ children }: { children: string }) {
  return (
    <p className="loading-line" role="status">
      <Spinner />
      {children}
    </p>
  );
}
