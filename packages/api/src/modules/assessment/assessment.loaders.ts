import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { groupLoader } from "../../common/loader.js";
import { AssessmentVersion } from "./assessment-version.entity.js";
import { ItemOption } from "./item-option.entity.js";
import { Item } from "./item.entity.js";

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
