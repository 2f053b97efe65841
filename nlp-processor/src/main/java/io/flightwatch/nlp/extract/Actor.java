package io.flightwatch.nlp.extract;

import io.flightwatch.common.Subject;
import java.util.ArrayList;
import java.util.List;

/** Who or how many a claim's actor is, as {@link ActorReader} reads it. */
final class Actor {
  final List<String> persons = new ArrayList<>();
  Long count;
  String text;
  boolean approximate;
  Subject subject = Subject.UNSPECIFIED;
  boolean singular;
  boolean family;
  /** The predicate takes a relative as one who fled or was sent back ("his son Ali fled"), not as one who lives on. */
  boolean relativeCounts;
  /** Token of the number or name, for subsets that follow it. */
  int tok = -1;
  /** The people noun a count or an unnamed actor stands on ("officials", "people"), lemma; null for names. */
  String noun;
  /** A country the actor's own words give: "Chinese officials", "Guatemala's former president". */
  String origin;
  /** "several former ministers": a group of officials the text does not count (the claim has no count). */
  boolean vague;
  /** "Three of them": part of a group named in an earlier sentence. */
  boolean ofGroupBefore;
}
