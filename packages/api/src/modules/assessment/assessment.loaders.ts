import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { groupLoader, rowLoader, sharedGroupLoader, sharedRowLoader } from "../../common/loader.js";
import type { SharedReads } from "../../common/shared-reads.js";
import { AssessmentVersion } from "./assessment-version.entity.js";
import { ItemOption } from "./item-option.entity.js";
import { Item } from "./item.entity.js";
import { SELECT_PUBLISHED_VERSION, type PublishedAssessment } from "./published-assessment.js";

/** Published versions are frozen: kept process-wide, the most used first (`SharedReads`). */
export function createAssessmentCaches(shared: SharedReads) {
  return {
    published: shared.cache<PublishedAssessment | null>(1_000),
    items: shared.cache<Item[]>(1_000),
    options: shared.cache<ItemOption[]>(20_000),
  };
}

// An item as employees see it: of a published version only, so it can be kept.
const PUBLISHED_ITEM = `i.id, i.version_id AS "versionId", i.key, i.position, i.kind,
  i.skill_id AS "skillId", i.reverse_keyed AS "reverseKeyed", i.prompt`;

export function createAssessmentLoaders(
  dataSource: DataSource,
  caches: ReturnType<typeof createAssessmentCaches>,
) {
  const items = dataSource.getRepository(Item);
  const options = dataSource.getRepository(ItemOption);
  const versions = dataSource.getRepository(AssessmentVersion);
  return {
    /** Items of published versions, in order: what employees answer. */
    publishedItemsByVersionId: sharedGroupLoader(
      caches.items,
      (versionIds: readonly string[]) =>
        dataSource.query<Item[]>(
          `SELECT ${PUBLISHED_ITEM} FROM item i
             JOIN assessment_version v ON v.id = i.version_id AND v.status = 'PUBLISHED'
            WHERE i.version_id = ANY($1) ORDER BY i.position`,
          [versionIds],
        ),
      (item) => item.versionId,
    ),
    /** Options of items of published versions, in order. */
    publishedOptionsByItemId: sharedGroupLoader(
      caches.options,
      (itemIds: readonly string[]) =>
        dataSource.query<ItemOption[]>(
          `SELECT o.id, o.item_id AS "itemId", o.key, o.position, o.label, o.weights
             FROM item_option o JOIN item i ON i.id = o.item_id
             JOIN assessment_version v ON v.id = i.version_id AND v.status = 'PUBLISHED'
            WHERE o.item_id = ANY($1) ORDER BY o.position`,
          [itemIds],
        ),
      (option) => option.itemId,
    ),
    /** Items of any version, drafts included (authoring). */
    itemsByVersionId: groupLoader(
      (versionIds: readonly string[]) =>
        items.find({ where: { versionId: In([...versionIds]) }, order: { position: "ASC" } }),
      (item) => item.versionId,
    ),
    itemById: rowLoader(
      (itemIds: readonly string[]) => items.findBy({ id: In([...itemIds]) }),
      (item) => item.id,
    ),
    /**
     * A published version as employees see an assessment, by version id: what an attempt pinned
     * to an older version shows, whatever the current version is, archived or not.
     */
    publishedByVersionId: sharedRowLoader(
      caches.published,
      (versionIds: readonly string[]) =>
        dataSource.query<PublishedAssessment[]>(
          `${SELECT_PUBLISHED_VERSION} WHERE v.id = ANY($1) AND v.status = 'PUBLISHED'`,
          [versionIds],
        ),
      (assessment) => assessment.versionId,
    ),
    /** Options of any item, drafts included (authoring). */
    optionsByItemId: groupLoader(
      (itemIds: readonly string[]) =>
        options.find({ where: { itemId: In([...itemIds]) }, order: { position: "ASC" } }),
      (option) => option.itemId,
    ),
    /** Every version of each assessment, newest first. */
    versionsByAssessmentId: groupLoader(
      (assessmentIds: readonly string[]) =>
        versions.find({
          where: { assessmentId: In([...assessmentIds]) },
          order: { version: "DESC" },
        }),
      (version) => version.assessmentId,
    ),
  };
}
