/** Marks a figure that rests on illustrative data, with the reason in words. */
export function IllustrativeTag() {
  return (
    <span className="tag tag-illustrative" title="Illustrative: the papers give no split between forces">
      Illustrative
    </span>
  );
}

export function IllustrativeNote() {
  return (
    <p className="note note-illustrative">
      <IllustrativeTag /> The papers give no split of any saving between forces. Per-force figures here rest on
      illustrative equal shares, so that the split can be seen; they are not agreed figures.
    </p>
  );
}
