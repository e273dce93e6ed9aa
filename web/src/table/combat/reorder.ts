// Drag and drop in the turn order (GM): an action on the list. Items carry `data-combatant` and
// `draggable="true"`; dropping one on another calls `move(dragged, target)`. The "Move up" and
// "Move down" buttons do the same from the keyboard or a touch screen, where HTML drag and drop is not.
export interface ReorderOptions {
  enabled: boolean;
  move(dragged: string, target: string): void;
}

const TYPE = 'application/x-hearth-combatant';

export function reorder(list: HTMLElement, initial: ReorderOptions) {
  let options = initial;
  let dragged: string | null = null;
  const itemOf = (e: Event): HTMLElement | null =>
    e.target instanceof Element ? (e.target.closest('[data-combatant]') as HTMLElement | null) : null;

  const start = (e: DragEvent) => {
    const item = itemOf(e);
    if (!options.enabled || !item) return;
    dragged = item.dataset.combatant ?? null;
    if (dragged && e.dataTransfer) {
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData(TYPE, dragged);
      e.dataTransfer.setData('text/plain', item.dataset.name ?? dragged);
    }
    item.classList.add('dragging');
  };
  const over = (e: DragEvent) => {
    const item = itemOf(e);
    if (!options.enabled || !dragged || !item) return;
    e.preventDefault(); // allows the drop
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    for (const el of list.querySelectorAll('.drop-target')) if (el !== item) el.classList.remove('drop-target');
    item.classList.add('drop-target');
  };
  const drop = (e: DragEvent) => {
    const item = itemOf(e);
    const from = dragged ?? e.dataTransfer?.getData(TYPE) ?? null;
    if (!options.enabled || !item || !from) return;
    e.preventDefault();
    const to = item.dataset.combatant;
    if (to && to !== from) options.move(from, to);
    end();
  };
  const end = () => {
    dragged = null;
    for (const el of list.querySelectorAll('.dragging, .drop-target')) el.classList.remove('dragging', 'drop-target');
  };

  list.addEventListener('dragstart', start);
  list.addEventListener('dragover', over);
  list.addEventListener('drop', drop);
  list.addEventListener('dragend', end);
  return {
    update(next: ReorderOptions) {
      options = next;
    },
    destroy() {
      list.removeEventListener('dragstart', start);
      list.removeEventListener('dragover', over);
      list.removeEventListener('drop', drop);
      list.removeEventListener('dragend', end);
    },
  };
}
