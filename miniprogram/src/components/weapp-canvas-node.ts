import Taro from '@tarojs/taro';

/** What WeChat's `<canvas type="2d">` node offers (a subset of HTMLCanvasElement). */
export interface WeappCanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D;
}

/**
 * The `<canvas type="2d" id=…>` node of the current page, or null. It exists in the view
 * layer only after the render reaches it, so the query waits a tick; without the page's
 * scope a subpackage page's canvas is not found.
 */
export async function findCanvasNode(canvasId: string): Promise<{ node: WeappCanvasNode; width: number } | null> {
  await new Promise<void>((resolve) => Taro.nextTick(resolve));
  const page = Taro.getCurrentInstance().page;
  const query = Taro.createSelectorQuery();
  if (page) query.in(page as never);
  const found = await new Promise<{ node: WeappCanvasNode; width: number } | null>((resolve) =>
    query
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec((results: ({ node: WeappCanvasNode; width: number } | null)[]) => resolve(results[0] ?? null)),
  );
  return found?.node ? found : null;
}
