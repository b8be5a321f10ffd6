import { hostStyles } from "../../styles/host.styles.js";
import { controlStyles } from "../../styles/controls.styles.js";
import { lessonContentStyles } from "../lesson-content/lesson-content.styles.js";
import { stateStyles } from "../states/states.styles.js";

// A lesson needs nothing beyond the shared pieces; its own rules would go last, as in rs-library.
export const rsLessonStyles = [hostStyles, controlStyles, stateStyles, lessonContentStyles];
