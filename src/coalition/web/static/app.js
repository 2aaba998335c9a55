// coalition dashboard: the little behaviour the server-rendered pages need.
// Clicking a heatmap cell shows its evidence sentences in a panel, fetched from the claims
// view of this same server (so the highlighting is rendered in one place, on the server).
"use strict";

function showEvidence(cell) {
  const panel = document.getElementById("evidence");
  const link = cell.querySelector("a");
  if (!panel || !link) return;
  const url = new URL(link.href, window.location.href);
  url.searchParams.set("limit", "20");
  document.querySelectorAll(".cell.selected").forEach((c) => c.classList.remove("selected"));
  cell.classList.add("selected");
  document.getElementById("evidence-title").textContent = cell.title;
  document.getElementById("evidence-more").href = link.href;
  const list = document.getElementById("evidence-list");
  list.replaceChildren();
  panel.hidden = false;
  panel.setAttribute("aria-busy", "true");
  fetch(url, { headers: { Accept: "text/html" } })
    .then((response) => response.text())
    .then((html) => {
      const found = new DOMParser().parseFromString(html, "text/html");
      found.querySelectorAll("ol.claims > li").forEach((item) => {
        list.appendChild(document.importNode(item, true));
      });
      panel.removeAttribute("aria-busy");
      panel.scrollIntoView({ behavior: "smooth", block: "nearest" });
    })
    .catch(() => {
      const item = document.createElement("li");
      item.textContent = "Could not load the evidence; follow the link below.";
      list.appendChild(item);
      panel.removeAttribute("aria-busy");
    });
}

function wireHeatmap() {
  document.querySelectorAll("table.heatmap td.cell[data-actor]").forEach((cell) => {
    cell.addEventListener("click", (event) => {
      // The conflict mark is a link of its own, to the contradictions page.
      if (event.target.closest("a.conflict-link")) return;
      event.preventDefault();
      showEvidence(cell);
    });
    cell.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        showEvidence(cell);
      }
    });
  });
}

document.addEventListener("DOMContentLoaded", wireHeatmap);
