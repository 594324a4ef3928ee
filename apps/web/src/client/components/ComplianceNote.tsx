/** What the compliance views can and cannot say, on both pages. */
export function ComplianceNote() {
  return (
    <p className="banner small" data-testid="compliance-note">
      These views show what the recorded events support, clause by clause. Events cannot show everything a
      framework asks: a declaration of conformity, CE marking, registration in the EU database or the
      decisions of a management review are documents and acts outside this record. A supported clause means
      the rubric's criteria for it are met, not that the system complies.
    </p>
  );
}
