import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { groupLoader, rowLoader } from "../../common/loader.js";
import { AssessmentVersion } from "./assessment-version.entity.js";
import { ItemOption } from "./item-option.entity.js";
import { Item } from "./item.entity.js";
import { SELECT_PUBLISHED_VERSION, type PublishedAssessment } from "./published-assessment.js";

export function createAssessmentLoaders(dataSource: DataSource) {
  const items = dataSource.getRepository(Item);
  const options = dataSource.getRepository(ItemOption);
  const versions = dataSource.getRepository(AssessmentVersion);
  return {
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
    publishedByVersionId: rowLoader(
      (versionIds: readonly string[]) =>
        dataSource.query<PublishedAssessment[]>(
          `${SELECT_PUBLISHED_VERSION} WHERE v.id = ANY($1) AND v.status = 'PUBLISHED'`,
          [versionIds],
        ),
      (assessment) => assessment.versionId,
    ),
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
