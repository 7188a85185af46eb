import { listMunicipalities, type Municipality } from "@factus-edge/contracts";

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** A search box over the contracts' 1,122 municipalities; the chosen DANE code goes into `target`. */
export function municipalitySearch(input: HTMLInputElement, results: HTMLElement, target: HTMLInputElement) {
  let index: { municipality: Municipality; name: string; key: string }[] | undefined;
  const render = () => {
    index ??= listMunicipalities().map((municipality) => ({
      municipality,
      name: fold(municipality.name),
      key: fold(`${municipality.name} ${municipality.department} ${municipality.dane_code}`),
    }));
    const query = fold(input.value.trim());
    results.replaceChildren();
    if (query.length < 2) return;
    // Names that start with what was typed first ("bogot" → Bogotá before its localities).
    const matches = index
      .filter((entry) => entry.key.includes(query))
      .sort((a, b) => Number(!a.name.startsWith(query)) - Number(!b.name.startsWith(query)));
    for (const { municipality } of matches.slice(0, 8)) {
      const option = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = `${municipality.name} (${municipality.department}) · ${municipality.dane_code}`;
      button.addEventListener("click", () => {
        target.value = municipality.dane_code;
        input.value = `${municipality.name} (${municipality.department})`;
        results.replaceChildren();
        target.dispatchEvent(new Event("input", { bubbles: true }));
      });
      option.append(button);
      results.append(option);
    }
  };
  input.addEventListener("input", () => {
    target.value = ""; // typing again un-chooses
    render();
  });
}
