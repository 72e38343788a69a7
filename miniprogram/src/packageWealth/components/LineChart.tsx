// A product's NAV or 7-day yield as a line chart on a 2D canvas: the value axis with the server's
// ticks, the period's first and last dates, and tap (or drag) to read a point. The server places
// every point on the axis (yPermille) and formats every figure; this only draws them. Hand-written
// because AntV F2 5 with only its line, axis and tooltip bundles to 492 KB minified, past the
// subpackage's 300 KB budget.
import { Canvas, type ITouchEvent, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { WealthHistory, WealthHistoryPoint } from '@contract/wealth-schemas';
import { useEffect, useRef, useState } from 'react';

const HEIGHT_PX = 200;
/** Room for the tick labels on the left and the dates under the plot. */
const PAD = { left: 56, right: 12, top: 12, bottom: 28 };
const COLORS = { axis: '#dcdfe4', label: '#6a717a', line: '#1d4fa3', fill: 'rgba(29, 79, 163, 0.08)', marker: '#1d4fa3' };

/** The canvas is asked for again until it is laid out (a busy phone or browser may render the
 *  page after the first ask), at most this many times, this far apart. */
const MEASURE_TRIES = 20;
const MEASURE_RETRY_MS = 100;

interface Plot {
  width: number;
  /** The canvas's left edge on the page, for touches that come in page coordinates (H5). */
  left: number;
}

const xOf = (index: number, count: number, width: number) =>
  PAD.left + (count === 1 ? (width - PAD.left - PAD.right) / 2 : (index * (width - PAD.left - PAD.right)) / (count - 1));
const yOf = (permille: number) => PAD.top + ((HEIGHT_PX - PAD.top - PAD.bottom) * (1_000 - permille)) / 1_000;

function draw(ctx: CanvasRenderingContext2D, history: WealthHistory, width: number, selected: number) {
  const { points, axis } = history;
  const bottom = HEIGHT_PX - PAD.bottom;
  ctx.clearRect(0, 0, width, HEIGHT_PX);
  ctx.font = '11px sans-serif';
  ctx.lineWidth = 1;
  // The value axis: a grid line and a label for each tick.
  ctx.strokeStyle = COLORS.axis;
  ctx.fillStyle = COLORS.label;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of axis.ticks) {
    const y = yOf(tick.yPermille);
    ctx.beginPath();
    ctx.moveTo(PAD.left, y);
    ctx.lineTo(width - PAD.right, y);
    ctx.stroke();
    ctx.fillText(tick.display, PAD.left - 6, y);
  }
  // The time axis: the baseline and the period's first and last dates.
  ctx.beginPath();
  ctx.moveTo(PAD.left, bottom);
  ctx.lineTo(width - PAD.right, bottom);
  ctx.stroke();
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillText(points[0]!.date, PAD.left, bottom + 8);
  ctx.textAlign = 'right';
  ctx.fillText(points[points.length - 1]!.date, width - PAD.right, bottom + 8);
  // The line, with the area under it lightly filled.
  const at = (index: number) => [xOf(index, points.length, width), yOf(points[index]!.yPermille)] as const;
  ctx.beginPath();
  points.forEach((_, index) => (index === 0 ? ctx.moveTo(...at(index)) : ctx.lineTo(...at(index))));
  ctx.strokeStyle = COLORS.line;
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.lineTo(at(points.length - 1)[0], bottom);
  ctx.lineTo(at(0)[0], bottom);
  ctx.closePath();
  ctx.fillStyle = COLORS.fill;
  ctx.fill();
  // The point being read: a guide line and a dot.
  const [x, y] = at(selected);
  ctx.lineWidth = 1;
  ctx.strokeStyle = COLORS.axis;
  ctx.beginPath();
  ctx.moveTo(x, PAD.top);
  ctx.lineTo(x, bottom);
  ctx.stroke();
  ctx.fillStyle = COLORS.marker;
  ctx.beginPath();
  ctx.arc(x, y, 4, 0, Math.PI * 2);
  ctx.fill();
}

type Touch = { x?: number; clientX?: number };

/** The chart of `history`: reads out the latest point until one is tapped. */
export function LineChart({ history }: { history: WealthHistory }) {
  const { points } = history;
  const [selected, setSelected] = useState(points.length - 1);
  const plot = useRef<Plot | null>(null);
  const context = useRef<CanvasRenderingContext2D | null>(null);
  // What to draw once the canvas is found: the history shown by then, not the first one.
  const latest = useRef({ history, selected });
  latest.current = { history, selected };

  useEffect(() => setSelected(points.length - 1), [history]);

  // The canvas node, and where it is on the page, come from a query once it is laid out (H5
  // answers a node query with the node alone, so the box is asked for separately).
  useEffect(() => {
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const measure = () => {
      const query = Taro.createSelectorQuery();
      query.select('#product-chart').fields({ node: true });
      query.select('#product-chart').boundingClientRect();
      query.exec(([found, box]: [{ node?: HTMLCanvasElement } | null, { width: number; left: number } | null]) => {
        const canvas = found?.node;
        const ctx = canvas?.getContext?.('2d');
        if (!canvas || !ctx || !box || box.width === 0) {
          if (++tries < MEASURE_TRIES) timer = setTimeout(measure, MEASURE_RETRY_MS);
          return;
        }
        const ratio = Taro.getSystemInfoSync().pixelRatio || 1;
        canvas.width = box.width * ratio;
        canvas.height = HEIGHT_PX * ratio;
        ctx.scale(ratio, ratio);
        plot.current = { width: box.width, left: box.left };
        context.current = ctx;
        const shown = latest.current;
        if (shown.history.points.length > 0) draw(ctx, shown.history, box.width, Math.min(shown.selected, shown.history.points.length - 1));
      });
    };
    measure();
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (context.current && plot.current && points.length > 0) draw(context.current, history, plot.current.width, Math.min(selected, points.length - 1));
  }, [history, selected]);

  function read(event: { touches?: Touch[]; changedTouches?: Touch[] }) {
    const touch = event.touches?.[0] ?? event.changedTouches?.[0];
    if (!touch || !plot.current || points.length === 0) return;
    // weapp gives x on the canvas; H5 gives the page's clientX (a mouse click too: a desktop
    // browser sends no touches).
    const x = touch.x ?? (touch.clientX ?? 0) - plot.current.left;
    if (!Number.isFinite(x)) return;
    const step = points.length === 1 ? 1 : (plot.current.width - PAD.left - PAD.right) / (points.length - 1);
    setSelected(Math.max(0, Math.min(points.length - 1, Math.round((x - PAD.left) / step))));
  }

  function readClick(event: ITouchEvent) {
    const { clientX } = event as unknown as { clientX?: unknown };
    if (typeof clientX === 'number') read({ touches: [{ clientX }] });
  }

  const point: WealthHistoryPoint | undefined = points[Math.min(selected, points.length - 1)];
  return (
    <View className='line-chart'>
      <View id='chart-readout' className='line-chart__readout' data-period={history.period}>
        <Text className='line-chart__date'>{point?.date ?? ''}</Text>
        <Text className='line-chart__value'>{point ? `${history.seriesLabel} ${point.display}` : ''}</Text>
      </View>
      <Canvas
        type='2d'
        id='product-chart'
        className='line-chart__canvas'
        style={{ height: `${HEIGHT_PX}px` }}
        onTouchStart={read}
        onTouchMove={read}
        onClick={readClick}
      />
    </View>
  );
}
