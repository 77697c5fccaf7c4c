// markdown.cpp — md4c callbacks building MarkdownDoc.
#include "ui/markdown.hpp"

#include <md4c.h>

#include <string>
#include <vector>

namespace loopscope::ui {
namespace {

struct ListLevel {
  bool ordered = false;
  unsigned next = 1;
};

struct Builder {
  MarkdownDoc doc;
  std::vector<ListLevel> lists;
  std::vector<std::string> hrefs;  // open links
  unsigned style = 0;
  int quote_depth = 0;
  bool in_block = false;           // a block that collects runs is open
  bool pending_item = false;       // a list item opened; its first paragraph becomes the item

  MdBlock& open(BlockKind kind, int level = 0) {
    MdBlock b;
    b.kind = kind;
    b.level = level;
    b.quote_depth = quote_depth;
    if (pending_item && kind == BlockKind::paragraph) {
      b.kind = BlockKind::list_item;
      b.level = static_cast<int>(lists.size());
      ListLevel& l = lists.back();
      b.marker = l.ordered ? std::to_string(l.next++) + "." : "•";
      pending_item = false;
    }
    doc.blocks.push_back(std::move(b));
    in_block = true;
    return doc.blocks.back();
  }

  void add_text(std::string_view text) {
    if (!in_block) open(BlockKind::paragraph);
    auto& runs = doc.blocks.back().runs;
    const RunStyle s = RunStyle(style);
    const std::string href = hrefs.empty() ? std::string{} : hrefs.back();
    if (!runs.empty() && runs.back().style == s && runs.back().href == href)
      runs.back().text.append(text);
    else
      runs.push_back({std::string(text), s, href});
  }
};

int enter_block(MD_BLOCKTYPE type, void* detail, void* user) {
  auto& b = *static_cast<Builder*>(user);
  switch (type) {
    // A list or item starts a new block: text of an enclosing tight item is complete.
    case MD_BLOCK_UL: b.in_block = false; b.lists.push_back({false, 1}); break;
    case MD_BLOCK_OL:
      b.in_block = false;
      b.lists.push_back({true, static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start});
      break;
    case MD_BLOCK_LI: b.in_block = false; b.pending_item = true; break;
    case MD_BLOCK_QUOTE: ++b.quote_depth; break;
    case MD_BLOCK_HR: b.open(BlockKind::rule); b.in_block = false; break;
    case MD_BLOCK_H: b.open(BlockKind::heading, static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level)); break;
    case MD_BLOCK_CODE: b.open(BlockKind::code); break;
    case MD_BLOCK_P: b.open(BlockKind::paragraph); break;
    default: break;
  }
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* user) {
  auto& b = *static_cast<Builder*>(user);
  switch (type) {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      if (!b.lists.empty()) b.lists.pop_back();
      break;
    case MD_BLOCK_LI:
      // A tight list item has no paragraph: its text arrived directly; close it.
      b.pending_item = false;
      b.in_block = false;
      break;
    case MD_BLOCK_QUOTE: --b.quote_depth; break;
    case MD_BLOCK_H:
    case MD_BLOCK_CODE:
    case MD_BLOCK_P:
      b.in_block = false;
      if (type == MD_BLOCK_CODE && !b.doc.blocks.empty()) {
        auto& runs = b.doc.blocks.back().runs;
        if (!runs.empty() && !runs.back().text.empty() && runs.back().text.back() == '\n')
          runs.back().text.pop_back();
      }
      break;
    default: break;
  }
  return 0;
}

int enter_span(MD_SPANTYPE type, void* detail, void* user) {
  auto& b = *static_cast<Builder*>(user);
  switch (type) {
    case MD_SPAN_EM: b.style |= unsigned(RunStyle::emphasis); break;
    case MD_SPAN_STRONG: b.style |= unsigned(RunStyle::strong); break;
    case MD_SPAN_CODE: b.style |= unsigned(RunStyle::code); break;
    case MD_SPAN_A: {
      auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
      b.hrefs.emplace_back(a->href.text, a->href.size);
      b.style |= unsigned(RunStyle::link);
      break;
    }
    default: break;
  }
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* user) {
  auto& b = *static_cast<Builder*>(user);
  switch (type) {
    case MD_SPAN_EM: b.style &= ~unsigned(RunStyle::emphasis); break;
    case MD_SPAN_STRONG: b.style &= ~unsigned(RunStyle::strong); break;
    case MD_SPAN_CODE: b.style &= ~unsigned(RunStyle::code); break;
    case MD_SPAN_A:
      if (!b.hrefs.empty()) b.hrefs.pop_back();
      if (b.hrefs.empty()) b.style &= ~unsigned(RunStyle::link);
      break;
    default: break;
  }
  return 0;
}

int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* user) {
  auto& b = *static_cast<Builder*>(user);
  switch (type) {
    case MD_TEXT_BR: b.add_text("\n"); break;
    case MD_TEXT_SOFTBR: b.add_text(" "); break;
    case MD_TEXT_NULLCHAR: b.add_text("\xEF\xBF\xBD"); break;
    case MD_TEXT_ENTITY: {
      const std::string_view e(data, size);
      if (e == "&amp;") b.add_text("&");
      else if (e == "&lt;") b.add_text("<");
      else if (e == "&gt;") b.add_text(">");
      else if (e == "&quot;") b.add_text("\"");
      else if (e == "&nbsp;") b.add_text(" ");
      else b.add_text(e);
      break;
    }
    default: b.add_text(std::string_view(data, size)); break;
  }
  return 0;
}

}  // namespace

MarkdownDoc parse_markdown(std::string_view source) {
  Builder b;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_NOHTML | MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_STRIKETHROUGH;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = text;
  md_parse(source.data(), static_cast<MD_SIZE>(source.size()), &parser, &b);
  return std::move(b.doc);
}

}  // namespace loopscope::ui
