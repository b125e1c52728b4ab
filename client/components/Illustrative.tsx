/** Marks a figure that rests on illustrative data; the note beside the table or page says which and why. */
export function IllustrativeTag() {
  return <span className="tag tag-illustrative">Illustrative</span>;
}

export function IllustrativeNote() {
  return (
    <p className="note note-illustrative">
      <IllustrativeTag /> No agreed split of these savings between forces is held: the papers give none, and none has
      been entered. Per-force figures here rest on illustrative equal shares (Realise’s assumption), so that the split
      can be seen; they are not agreed figures.
    </p>
  );
}
