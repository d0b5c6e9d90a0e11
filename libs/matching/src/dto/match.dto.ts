import { ReasonChoiceDto } from './engagement.dto';

/** Marking a match not relevant: a reason from the fixed list, which the other side sees. */
export class DismissMatchDto extends ReasonChoiceDto {}

export class DeclineDto extends ReasonChoiceDto {}
