// <rs-assessment> in a React 19 application, with the widget from npm:
//   npm install @real-skills/widget lit
// Documentation only: this repository has no React, so the file is neither built nor
// type-checked here (see README.md).
import { useEffect, useLayoutEffect, useRef } from "react";
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import { configure } from "@real-skills/widget";
import type {
  CompleteDetail,
  RsAssessment,
  RsHistory,
  RsLesson,
  RsLibrary,
  RsTeamReport,
  TokenProvider,
} from "@real-skills/widget";
// Registers the elements. Import it once, before the first render (in the app's entry file,
// say), so that React meets registered elements and can set their properties.
import "@real-skills/widget/define";

// --- TypeScript: the elements as JSX tags --------------------------------------------------
// Attributes only; `getToken` is deliberately left out, because tokens never go into markup.
type RsProps<Element, Attributes> = DetailedHTMLProps<HTMLAttributes<Element>, Element> &
  Attributes & { endpoint?: string; locale?: string; theme?: "light" | "dark" };

declare module "react" {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- how React types JSX tags
  namespace JSX {
    interface IntrinsicElements {
      "rs-assessment": RsProps<RsAssessment, { slug: string }>;
      "rs-history": RsProps<RsHistory, { assessment?: string }>;
      "rs-lesson": RsProps<RsLesson, { slug?: string }>;
      "rs-library": RsProps<RsLibrary, object>;
      // For HR pages; its token (getToken) must carry the role "analyst".
      "rs-team-report": RsProps<
        RsTeamReport,
        {
          assessment: string;
          "group-by"?: "team" | "department" | "organization";
          from?: string;
          to?: string;
        }
      >;
    }
  }
}

// --- The component -----------------------------------------------------------------------

export interface AssessmentPanelProps {
  slug: string;
  locale?: "en" | "de";
  /**
   * Returns an embed token from your backend. Keep it stable (defined once, or `useCallback`):
   * the element caches tokens per function and loads again when the function changes.
   */
  getToken: TokenProvider;
  /** The employee finished the assessment; `detail.scores` holds `{ skill, score, band }`. */
  onComplete?: (detail: CompleteDetail) => void;
}

export function AssessmentPanel({ slug, locale, getToken, onComplete }: AssessmentPanelProps) {
  const ref = useRef<RsAssessment>(null);

  // A property, never an attribute. A layout effect runs in the same task as React's commit,
  // before the element's first render (a microtask later); a plain effect could run after it,
  // and the element would first ask the employee to sign in. For one token source across the
  // whole app, call `configure({ getToken })` from "@real-skills/widget" at start-up instead.
  useLayoutEffect(() => {
    if (ref.current) ref.current.getToken = getToken;
  }, [getToken]);

  // Widget events are DOM CustomEvents named rs-*: listen on the element and clean up.
  useEffect(() => {
    const element = ref.current;
    if (!element || !onComplete) return;
    const listener = (event: HTMLElementEventMap["rs-complete"]) => {
      onComplete(event.detail);
    };
    element.addEventListener("rs-complete", listener);
    return () => {
      element.removeEventListener("rs-complete", listener);
    };
  }, [onComplete]);

  return <rs-assessment ref={ref} slug={slug} locale={locale} />;
}

// --- Using it ----------------------------------------------------------------------------

async function fetchEmbedToken(): Promise<string> {
  const response = await fetch("/api/real-skills-token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
  });
  if (!response.ok) throw new Error(`token endpoint: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

// Once, at start-up: the endpoint and the token source for every element on every page (here
// <rs-history>); an element's own `getToken` property, as AssessmentPanel sets it, wins.
configure({ endpoint: "https://skills.example.com/graphql", getToken: fetchEmbedToken });

export function LearningPage() {
  return (
    <section>
      <h2>Check yourself</h2>
      <AssessmentPanel
        slug="decision-quality"
        locale="de"
        getToken={fetchEmbedToken}
        onComplete={({ scores }) => {
          console.info("scores", scores);
        }}
      />
      <h2>Your progress</h2>
      <rs-history assessment="decision-quality" />
    </section>
  );
}
