import { html, nothing } from "lit";
import type { TemplateResult } from "lit";
import type { LibraryLesson, LibrarySkill } from "../../api-client/index.js";
import type { Messages } from "../../i18n/index.js";

/**
 * The list view of `<rs-library>`: each skill with its summary and a button per lesson. The
 * buttons carry `data-slug` so that the library can return focus to the one that was opened.
 */
export function renderSkillList(
  skills: readonly LibrarySkill[],
  messages: Messages,
  onOpen: (slug: string) => void,
): TemplateResult {
  return html`
    <ul class="skills" part="skill-list" role="list">
      ${skills.map((skill) => renderSkill(skill, messages, onOpen))}
    </ul>
  `;
}

function renderSkill(
  skill: LibrarySkill,
  messages: Messages,
  onOpen: (slug: string) => void,
): TemplateResult {
  const lessons =
    skill.lessons.length === 0
      ? nothing
      : html`
          <ul
            class="lessons"
            part="lesson-list"
            role="list"
            aria-label=${messages.lessonsOf(skill.name)}
          >
            ${skill.lessons.map((lesson) => renderLessonButton(lesson, messages, onOpen))}
          </ul>
        `;
  return html`
    <li class="skill" part="skill">
      <h2 class="skill-name" part="skill-name">${skill.name}</h2>
      <p class="skill-summary" part="skill-summary">${skill.summary}</p>
      <p class="skill-meta" part="skill-meta">${messages.lessonCount(skill.lessons.length)}</p>
      ${lessons}
    </li>
  `;
}

function renderLessonButton(
  lesson: LibraryLesson,
  messages: Messages,
  onOpen: (slug: string) => void,
): TemplateResult {
  return html`
    <li>
      <button
        type="button"
        class="lesson-button"
        part="lesson-button"
        data-slug=${lesson.slug}
        @click=${() => {
          onOpen(lesson.slug);
        }}
      >
        <span class="lesson-button-title">${lesson.title}</span>
        <span class="lesson-button-minutes">${messages.minutes(lesson.minutes)}</span>
      </button>
    </li>
  `;
}
