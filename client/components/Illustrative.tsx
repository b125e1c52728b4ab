/** Marks a figure that rests on illustrative data; the note beside the table or page says which and why. */
export function IllustrativeTag() {
  return <span className="tag tag-illustrative">Illustrative</span>;
}

export function IllustrativeNote() {
  return (
    <p className="note note-illustrative">
      <IllustrativeTag /> The papers give no split of any saving between forces. Per-force figures here rest on
      illustrative equal shares, so that the split can be seen; they are not agreed figures.
    </p>
  );
}
