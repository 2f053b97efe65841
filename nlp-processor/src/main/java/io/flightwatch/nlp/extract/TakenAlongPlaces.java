package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import java.util.List;

/** Stage 7 for money taken along on a flight: where it went, from the runaway's flight told elsewhere. */
final class TakenAlongPlaces {

  private TakenAlongPlaces() {}

  /**
   * Gives money a person took along in a flight with no country the country of that person's flight elsewhere in the
   * article ("asked South Africa to extradite a minister who left the country and has lived in Pretoria ... he took
   * at least $3 million with him when he fled").
   */
  static void fill(List<Draft> drafts) {
    for (Draft m : drafts) {
      if (m.takenAlong && !m.originStated) {
        // "Paris: The wife of the ousted Tunisian president fled the country with 45 million euros": the money left
        // from where its carrier left, whatever the dateline says
        drafts.stream().filter(f -> f.kind == ClaimKind.OFFICIALS_FLED && f.sentence == m.sentence && f.origin != null)
            .map(f -> f.origin).findFirst().ifPresent(o -> m.origin = o);
      }
      // "A former governor fled to London. He took $10 million with him": the flight just before counts too
      boolean oneUnnamed = m.person == null && drafts.stream().anyMatch(f -> f.kind == ClaimKind.OFFICIALS_FLED
          && f.sentence.index <= m.sentence.index && f.sentence.index >= m.sentence.index - 2 && f.person == null
          && f.singular);
      if (!m.takenAlong || m.person == null && !oneUnnamed || m.destination != null || !m.mentioned.isEmpty()) {
        continue;
      }
      List<String> own = m.person == null ? List.of() : drafts.stream().filter(f -> f.kind == ClaimKind.OFFICIALS_FLED
          && f.person != null && f.destination != null && SameFacts.samePerson(f.person, m.person))
          .map(f -> f.destination).toList();
      // "a former minister ... who left the country and has lived in Pretoria": the one unnamed flight, named later;
      // "a former director who fled with $20 million ... Gansukh had been living in Incheon": the one runaway's place
      List<String> unnamed = drafts.stream().filter(f -> f.kind == ClaimKind.OFFICIALS_FLED
          && (f.person == null ? f.singular : m.person == null) && f.destination != null)
          .map(f -> f.destination).distinct().toList();
      List<String> where = !own.isEmpty() ? own : unnamed.size() == 1 ? unnamed : List.of();
      if (!where.isEmpty() && !where.get(0).equals(m.origin)) {
        m.destination = where.get(0);
      }
    }
  }
}
