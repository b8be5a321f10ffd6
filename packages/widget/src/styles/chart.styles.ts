import { css } from "lit";

/** The SVG charts in `components/charts`: bars on a track, and dots joined over time. */
export const chartStyles = css`
  .chart {
    display: block;
    overflow: visible;
  }

  .chart-label {
    fill: var(--_text);
    font-size: 0.875em;
  }

  .track {
    fill: var(--_divider);
  }

  /* One colour for every band: a lighter EMERGING bar fell under 3:1 against the track, and
     the band is written out next to each score anyway. */
  .bar {
    fill: var(--_accent);
  }

  .guide {
    stroke: var(--_divider);
    stroke-dasharray: 4 4;
  }

  .trend-line {
    stroke: var(--_accent);
    stroke-width: 2;
  }

  .dot {
    fill: var(--_accent);
    stroke: var(--_surface);
    stroke-width: 2;
  }

  .dot-label {
    fill: var(--_muted);
    font-size: 0.75em;
  }

  @media (forced-colors: active) {
    .bar,
    .dot {
      fill: Highlight;
    }

    .track {
      fill: Canvas;
      stroke: CanvasText;
    }

    .trend-line {
      stroke: CanvasText;
    }
  }
`;
