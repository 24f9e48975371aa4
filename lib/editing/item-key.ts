// Keys for the items of editable lists: stable while an item is edited or moved, so
// React keeps each item's inputs (and focus) with it. Not part of the record.
let counter = 0;

export function newItemKey(): string {
  counter += 1;
  return `item-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}
