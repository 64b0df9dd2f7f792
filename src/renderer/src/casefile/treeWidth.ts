// The tree beside the documents keeps a readable width: with the queue brought back beside a case at
// 1366 its remembered share (28 %) left titles of two or three characters (“案件来…”). A reviewer
// finds documents by title all day, so the tree keeps some 8 characters and the date, and the
// documents give way (the queue can be folded again for them). Folding the tree to icons would
// leave a column of identical file icons, telling nothing apart without hovering each.
import { MIN_TREE_PX } from '../shell/queueFold';

/** The tree never takes more than this share, whatever its minimum. */
const MAX_TREE_SHARE = 0.45;

/** Tree and documents in px for a container `width` px wide, the tree's share `treePct` % held to MIN_TREE_PX. */
export function treeSizes(width: number, treePct: number): [number, number] {
  const tree = Math.round(Math.min(Math.max((width * treePct) / 100, MIN_TREE_PX), width * MAX_TREE_SHARE));
  return [tree, width - tree];
}
